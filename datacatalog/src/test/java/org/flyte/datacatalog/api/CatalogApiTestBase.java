package org.flyte.datacatalog.api;

import datacatalog.DataCatalogGrpc.DataCatalogBlockingStub;
import io.grpc.ManagedChannel;
import org.flyte.datacatalog.app.CatalogFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A blocking DataCatalog client on the booted app's network gRPC port. */
abstract class CatalogApiTestBase {

  @Autowired Environment environment;
  ManagedChannel channel;
  DataCatalogBlockingStub catalog;

  @BeforeEach
  void connect() {
    channel = CatalogFixtures.channel(environment);
    catalog = CatalogFixtures.stub(channel);
  }

  @AfterEach
  void disconnect() {
    channel.shutdownNow();
  }
}
