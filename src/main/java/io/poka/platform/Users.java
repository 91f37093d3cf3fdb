package io.poka.platform;

/**
 * Who the known users are, for modules that name a person in a record (an assignee, a recipient): a name nobody signs
 * in with would route work to no one.
 */
public interface Users {
    /** Whether {@code username} is a user account that is enabled (it may be locked for a while). */
    boolean isActive(String username);
}
