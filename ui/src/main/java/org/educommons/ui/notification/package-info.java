/** The signed-in person's notifications (站内通知). */
package org.educommons.ui.notification;
