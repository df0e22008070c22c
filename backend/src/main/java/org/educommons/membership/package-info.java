/**
 * New members joining a community (入盟): applications anyone can submit, the secretariat's decision
 * at a joint council meeting (联席会), and provisioning of the approved tenant with an invitation for
 * its first administrator.
 */
package org.educommons.membership;
