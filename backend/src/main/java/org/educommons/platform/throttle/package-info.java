/** Rate limits shared by every node: how often a sign-in may fail, how often an anonymous form may be sent. */
package org.educommons.platform.throttle;
