package org.flyte.common.grpc;

import io.grpc.Metadata;
import org.flyte.common.auth.AuthenticationFailure;
import org.flyte.common.auth.CallerIdentity;
import org.jspecify.annotations.Nullable;

/** Turns a call's credentials (its metadata) into the caller's identity. */
@FunctionalInterface
public interface CallAuthenticator {

  /**
   * The identity the call's credentials prove, or {@code null} when the call carries none.
   *
   * @param authority the call's {@code :authority} (the host it was addressed to), if known
   * @throws AuthenticationFailure when a credential is present but refused
   */
  @Nullable CallerIdentity authenticate(Metadata headers, @Nullable String authority);
}
