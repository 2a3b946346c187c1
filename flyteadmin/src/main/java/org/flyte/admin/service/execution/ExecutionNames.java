package org.flyte.admin.service.execution;

import java.security.SecureRandom;

/**
 * Names of executions created without one. Follows {@code GetExecutionName} in {@code
 * flyteadmin/pkg/common/executions.go} (v1.16.8): {@code a} and 19 characters of Kubernetes'
 * random-string alphabet (no vowels), 20 in all, e.g. {@code a2kx9wqz4tgb6mvr8p5l}. A collision is
 * answered ALREADY_EXISTS like any taken name.
 */
final class ExecutionNames {

  /** The alphabet of Kubernetes' {@code rand.String}. */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  static final int LENGTH = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ExecutionNames() {}

  static String generate() {
    StringBuilder name = new StringBuilder(LENGTH).append('a');
    for (int i = 1; i < LENGTH; i++) {
      name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return name.toString();
  }
}
