package io.poka.platform;

/**
 * Checks a user's password again at the moment of an electronic signature (21 CFR 11.200(a)); failures count
 * towards the same lockout as failed logins.
 */
public interface Reauthentication {
    /** @return true when the password is right and the account enabled and unlocked */
    boolean verify(String username, char[] password);

    /** The printed (display) name of a user, as a signature must show it. */
    String printedName(String username);
}
