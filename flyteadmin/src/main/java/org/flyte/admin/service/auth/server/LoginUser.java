package org.flyte.admin.service.auth.server;

/**
 * The logged-in user behind an authorization request: the subject and the profile ({@code
 * UserInfoResponse} as JSON), carried as the principal's details.
 */
public record LoginUser(String subject, String userInfoJson) {}
