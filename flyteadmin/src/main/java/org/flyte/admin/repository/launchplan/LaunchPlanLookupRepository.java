package org.flyte.admin.repository.launchplan;

import com.google.protobuf.InvalidProtocolBufferException;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one read of {@code launch_plans} that workflow registration needs: a launch plan's stored
 * closure, whose expected inputs and outputs are its interface when a workflow node calls it
 * (Flyte: {@code util.GetLaunchPlanModel} and {@code NewLaunchPlanInterfaceProvider}, v1.16.8).
 */
@Repository
public class LaunchPlanLookupRepository {

  private final JdbcClient jdbc;

  public LaunchPlanLookupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<LaunchPlanClosure> closure(Identifier id) {
    return jdbc.sql(
            "SELECT closure FROM launch_plans WHERE project = :p AND domain = :d AND"
                + " name = :n AND version = :v")
        .param("p", id.getProject())
        .param("d", id.getDomain())
        .param("n", id.getName())
        .param("v", id.getVersion())
        .query((rs, row) -> rs.getBytes(1))
        .optional()
        .map(
            bytes -> {
              try {
                return LaunchPlanClosure.parseFrom(bytes);
              } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("unreadable launch plan closure", e);
              }
            });
  }
}
