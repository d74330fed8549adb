package com.cci.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts {@code ./cci}-style child JVMs with this test JVM's classpath. */
final class ChildJvm {
  private ChildJvm() {}

  static ProcessBuilder cci(Path home, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Processes.javaExecutable().toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    if (home != null) {
      cmd.add("-D" + EmulatorInstaller.HOME_PROPERTY + "=" + home);
    }
    cmd.add("com.cci.cli.Cci");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    return pb;
  }

  static Process start(ProcessBuilder pb) {
    try {
      return pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start child JVM " + pb.command(), e);
    }
  }
}
