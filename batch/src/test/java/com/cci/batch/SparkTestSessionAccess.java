package com.cci.batch;

import org.apache.spark.sql.SparkSession;

/** Public access to the module's shared test session for tests in sub-packages. */
public final class SparkTestSessionAccess {
  private SparkTestSessionAccess() {}

  public static SparkSession get() {
    return SparkTestSession.get();
  }
}
