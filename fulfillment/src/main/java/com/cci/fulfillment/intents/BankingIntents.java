package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.IntentHandler;
import java.util.List;

/** The catalogue of banking intents the router serves (Authenticate and Fallback aside). */
public final class BankingIntents {
  private BankingIntents() {}

  /** One instance of each banking intent handler (stateless, shared by all turns). */
  public static List<IntentHandler> standard() {
    return List.of(
        new CheckBalance(),
        new TransactionHistory(),
        new AccountDetails(),
        new RequestStatement(),
        new ActivateCard(),
        new ChangePin(),
        new ReportLostStolenCard(),
        new ReportFraud(),
        new TransferInternal(),
        new TransferExternal(),
        new LoanStatus(),
        new LoanPaymentDue(),
        new LoanPayoffAmount(),
        new BlockAccount(),
        new UpdateContactInfo(),
        new RoutingNumber(),
        new BranchHours(),
        new DisputeTransaction(),
        new TransferToAgent(),
        new SignOut());
  }
}
