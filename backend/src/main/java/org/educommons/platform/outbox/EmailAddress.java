package org.educommons.platform.outbox;

import java.util.regex.Pattern;

/**
 * What counts as an e-mail address people may give: exactly one mailbox, as the HTML standard's
 * {@code input type=email} accepts it — no display names, lists, quotes, spaces or line breaks
 * (so {@code root,x@evil.example} is refused), at most 254 characters.
 */
public final class EmailAddress {

    private static final Pattern ONE_MAILBOX = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && ONE_MAILBOX.matcher(address).matches();
    }
}
