package com.cci.fulfillment.router;

import com.cci.fulfillment.bank.CoreBankingClient;
import com.cci.fulfillment.sandbox.SandboxBank;
import com.cci.fulfillment.sandbox.SandboxFaults;
import com.cci.fulfillment.sandbox.SandboxLedger;
import com.cci.fulfillment.testing.MutableClock;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the router tests against a real sandbox bank: a fresh bank (default seed, clock at
 * 2026-11-20T15:00Z) per test, the real {@link CoreBankingClient}, an in-memory {@code AuthService}
 * and the router, whose turn outcomes are collected in {@link #turns}.
 */
abstract class SandboxRouterTest {
  protected SandboxBank bank;
  protected CoreBankingClient client;
  protected InMemoryAuthService auth;
  protected IntentRouter router;
  protected final List<TurnOutcome> turns = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startBankAndRouter() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
    bank = new SandboxBank(SandboxLedger.fromDefaultSeed(clock), SandboxFaults.none()).start();
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
    auth = new InMemoryAuthService(client, clock);
    router = new IntentRouter(client, auth, clock, turns::add);
  }

  @AfterEach
  void stopBankAndRouter() {
    client.close();
    bank.close();
  }
}
