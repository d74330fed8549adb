package com.cci.fulfillment.intents;

import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract.Queue;
import java.util.List;

/** {@code BranchHours}: branch opening hours from the router configuration (no authentication). */
public final class BranchHours extends BankingIntent {
  public BranchHours() {
    super("BranchHours", false, Queue.GENERAL);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    List<String> hours = ctx.config().branchHours();
    Say.Builder b = Say.builder().text("Our branches are open ");
    for (int i = 0; i < hours.size(); i++) {
      if (i > 0) {
        b.voice(" <break time=\"200ms\"/>").text(i == hours.size() - 1 ? "; and " : "; ");
      }
      b.text(hours.get(i));
    }
    return Replies.fulfilled(ctx, b.text(".").build());
  }
}
