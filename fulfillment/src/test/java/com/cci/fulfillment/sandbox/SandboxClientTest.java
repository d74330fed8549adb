package com.cci.fulfillment.sandbox;

import com.cci.fulfillment.bank.CoreBankingClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that drive one core-banking operation end to end: a fresh sandbox bank (default
 * seed) per test and the real {@link CoreBankingClient} pointed at it, both closed afterwards.
 */
abstract class SandboxClientTest {
  protected SandboxBank bank;
  protected CoreBankingClient client;

  @BeforeEach
  void startBankAndClient() throws Exception {
    bank = SandboxBank.withDefaultSeed().start();
    client = new CoreBankingClient(CoreBankingClient.Config.defaults(bank.baseUri()));
  }

  @AfterEach
  void stopBankAndClient() {
    client.close();
    bank.close();
  }
}
