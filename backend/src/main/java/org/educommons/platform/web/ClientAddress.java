package org.educommons.platform.web;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a request comes from, for per-address limits: the peer's address, or — only when the peer
 * is a reverse proxy named in {@code educommons.trusted-proxies} (comma-separated) — the client that
 * proxy reports last in {@code X-Forwarded-For}. A client cannot choose its address by sending the
 * header itself.
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "educommons.trusted-proxies", defaultValue = " ")
    String trustedProxies;

    private List<String> proxies;

    @PostConstruct
    void configure() {
        proxies = Arrays.stream(trustedProxies.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && proxies.contains(peer)) {
            String[] hops = forwarded.split(",");
            String client = hops[hops.length - 1].trim();
            if (!client.isEmpty() && client.length() <= 45) {
                return client;
            }
        }
        return peer;
    }
}
