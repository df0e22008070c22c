package org.educommons.identity;

import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How passwords are stored: PBKDF2-HMAC-SHA256 with OWASP's current work factor (600,000
 * iterations by default, {@code educommons.password.iterations}), a 32-byte salt and key, in
 * Jakarta Security's format ({@code algorithm:iterations:salt:hash}). A hash made with a smaller
 * work factor still verifies and is marked for upgrade; an unknown account costs the same work as a
 * known one, so the time of an answer does not tell whether a username exists.
 */
@ApplicationScoped
public class Passwords {

    /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** The least a new password must have. */
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "educommons.password.iterations", defaultValue = "" + DEFAULT_ITERATIONS)
    int iterations;

    private String unknownAccountHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(iterations, 10_000)),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        unknownAccountHash = pbkdf2.generate(Secrets.newToken().toCharArray());
    }

    /** A new stored hash of {@code password}, with a fresh salt. */
    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Whether {@code password} matches {@code storedHash}; with no stored hash (unknown account, or
     * no password set yet) the same work is done and the answer is no.
     */
    public boolean verify(String password, String storedHash) {
        if (storedHash == null) {
            pbkdf2.verify(password.toCharArray(), unknownAccountHash);
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), storedHash);
        } catch (RuntimeException malformed) {
            pbkdf2.verify(password.toCharArray(), unknownAccountHash);
            return false;
        }
    }

    /** Whether {@code storedHash} was made with less work than today's, or another algorithm. */
    public boolean needsUpgrade(String storedHash) {
        String[] parts = storedHash.split(":");
        try {
            return parts.length != 4 || !"PBKDF2WithHmacSHA256".equals(parts[0])
                    || Integer.parseInt(parts[1]) < Math.max(iterations, 10_000);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The message key of what is wrong with a new password, or {@code null} when it is acceptable. */
    public static String policyViolation(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "validation.password";
        }
        if (password.length() > MAX_LENGTH) {
            return "validation.password-too-long";
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            return "validation.password-weak";
        }
        String lower = password.toLowerCase(java.util.Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return "validation.password-username";
        }
        if (COMMON.contains(lower)) {
            return "validation.password-weak";
        }
        return null;
    }

    /** Passwords of ten or more characters that appear at the top of every breach list, and the demo's. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("1234567890", "12345678910", "0123456789",
            "qwertyuiop", "1q2w3e4r5t", "1qaz2wsx3edc", "password123", "password1234", "abcdefghij", "iloveyou12",
            "qwerty12345", "a123456789", "woaini1314", "5201314520", "1234567890a", "administrator", "educommons-demo",
            "1111111111", "0000000000", "zxcvbnm123", "asdfghjkl1", "abc1234567", "qazwsxedc123");
}
