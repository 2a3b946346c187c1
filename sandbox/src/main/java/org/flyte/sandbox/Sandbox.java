package org.flyte.sandbox;

/** Starts FlyteAdmin, DataCatalog and FlyteScheduler in one JVM. */
public final class Sandbox {

  private Sandbox() {}

  public static void main(String[] args) {
    throw new IllegalStateException("sandbox is being assembled");
  }
}
