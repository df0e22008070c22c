package org.educommons.ui.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archive under test: the very ROOT.war that {@code deploy/run} ships. */
final class Deployments {

    private Deployments() {
    }

    static WebArchive application() {
        File war = new File(System.getProperty("educommons.war", "target/ROOT.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first: " + war.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
