package com.cci.local;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Main class of the DynamoDB Local child JVM (see {@link DynamoDbLocal}); never called in the
 * caller's JVM. Builds the server with DynamoDB Local's own {@code
 * ServerRunner.createServerFromCommandLineArgs}, sets the host of its Jetty connectors to the
 * loopback address (system property {@code cci.bind}, default {@code 127.0.0.1}), then starts it.
 *
 * <p>Uses reflection only and no nested classes: the installer copies this single class file next
 * to DynamoDB Local's jars. Fails loudly (exit 3) if DynamoDB Local's internals changed, rather
 * than listening on every interface.
 */
public final class DynamoDbLauncher {
  private DynamoDbLauncher() {}

  public static void main(String[] args) throws Exception {
    String host = System.getProperty("cci.bind", "127.0.0.1");
    Object server;
    int bound = 0;
    try {
      Class<?> runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
      server =
          runner
              .getMethod("createServerFromCommandLineArgs", String[].class)
              .invoke(null, (Object) args);
      Field f = server.getClass().getDeclaredField("server");
      f.setAccessible(true);
      Object jetty = f.get(server);
      Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
      for (Object c : connectors) {
        Method setHost = c.getClass().getMethod("setHost", String.class);
        setHost.invoke(c, host);
        bound++;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      System.err.println(
          "CCI: cannot bind DynamoDB Local to " + host + " (its internals changed?): " + e);
      e.printStackTrace();
      System.exit(3);
      return;
    }
    if (bound == 0) {
      System.err.println("CCI: DynamoDB Local has no connector to bind to " + host);
      System.exit(3);
    }
    server.getClass().getMethod("start").invoke(server);
    System.out.println("CCI: DynamoDB Local listening on " + host);
    server.getClass().getMethod("join").invoke(server);
  }
}
