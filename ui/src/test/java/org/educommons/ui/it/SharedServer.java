package org.educommons.ui.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/**
 * One Payara Micro for the whole suite instead of one per test class. Arquillian's Payara Micro
 * container starts a server process when a class deploys and ends it when the class undeploys (about
 * 25 s each on this machine); this container starts it for the first class and keeps it until the
 * suite ends. Every class still starts on the data the server had when it was ready: once it is, the
 * database is copied aside ({@link TestServer#serverReady}) and put back before each later class
 * ({@link TestServer}). Where that copy cannot be taken (an external PostgreSQL whose owner is no
 * superuser), each class gets a server of its own as before.
 */
public class SharedServer implements DeployableContainer<PayaraMicroContainerConfiguration> {

    /** Registers this container in place of Arquillian's Payara Micro one. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedServer.class);
        }
    }

    private final PayaraMicroDeployableContainer payara = new PayaraMicroDeployableContainer();
    private Archive<?> deployed;
    private ProtocolMetaData running;

    @Override
    public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
        return PayaraMicroContainerConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroContainerConfiguration configuration) {
        payara.setup(configuration);
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return payara.getDefaultProtocol();
    }

    @Override
    public void start() throws LifecycleException {
        payara.start();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null) {
            if (!deployed.getName().equals(archive.getName())) {
                throw new DeploymentException("The shared server runs " + deployed.getName() + ", not " + archive.getName());
            }
            return running;
        }
        ProtocolMetaData metaData = payara.deploy(archive);
        HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
        awaitHealth(URI.create("http://" + http.getHost() + ":" + http.getPort() + "/health"));
        deployed = archive;
        if (TestServer.serverReady()) {
            running = metaData; // kept for the classes to come
        }
        return metaData;
    }

    private static void awaitHealth(URI health) throws DeploymentException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(200);
            } catch (java.io.IOException e) {
                // not answering yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DeploymentException("The server did not report healthy at " + health);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (running == null) {
            payara.undeploy(archive);
        }
        // else: the server stays for the next class, and ends with the suite (stop)
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            if (running != null) {
                running = null;
                payara.undeploy(deployed);
            }
        } catch (DeploymentException e) {
            throw new LifecycleException("Could not stop the shared server", e);
        } finally {
            payara.stop();
        }
    }

    @Override
    public void deploy(Descriptor descriptor) throws DeploymentException {
        payara.deploy(descriptor);
    }

    @Override
    public void undeploy(Descriptor descriptor) throws DeploymentException {
        payara.undeploy(descriptor);
    }
}
