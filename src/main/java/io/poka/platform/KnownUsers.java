package io.poka.platform;

/** Whether a user name belongs to an enabled account, so modules can refuse an owner or assignee nobody can sign in as. */
public interface KnownUsers {
    boolean isEnabledUser(String username);
}
