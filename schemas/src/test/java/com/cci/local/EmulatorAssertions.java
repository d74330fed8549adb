package com.cci.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Shared checks for the emulator integration tests. */
final class EmulatorAssertions {
  private EmulatorAssertions() {}

  /** Asserts the process tree (root and descendants as seen while running) is gone. */
  static void assertGone(List<ProcessHandle> tree) {
    for (ProcessHandle h : tree) {
      assertThat(h.isAlive()).as("process %d still alive after close", h.pid()).isFalse();
    }
  }

  /** Root and descendants of a running emulator. */
  static List<ProcessHandle> tree(EmulatorProcess p) {
    ProcessHandle root = p.processHandle();
    List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
    all.add(root);
    return all;
  }

  /** A non-loopback IPv4 address of this machine, if it has one. */
  static Optional<InetAddress> externalAddress() throws IOException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }

  /** True when a TCP connection to address:port succeeds. */
  static boolean connects(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void report(EmulatorProcess p) {
    System.out.printf(
        "MEASURE %s start-up %d ms, RSS %d MB%n",
        p.name(), p.startupTime().toMillis(), p.rssBytes().orElse(-1) / (1024 * 1024));
  }
}
