package com.cci.fulfillment.intents;

import com.cci.fulfillment.auth.AuthService.AuthState;
import com.cci.fulfillment.router.Replies;
import com.cci.fulfillment.router.Reply;
import com.cci.fulfillment.router.Say;
import com.cci.fulfillment.router.TurnContext;
import com.cci.fulfillment.session.SessionContract;
import com.cci.fulfillment.session.SessionContract.AuthStatus;
import com.cci.fulfillment.session.SessionContract.Queue;

/** {@code SignOut}: ends the session's server-side authentication at the customer's request. */
public final class SignOut extends BankingIntent {
  public SignOut() {
    super("SignOut", false, Queue.GENERAL);
  }

  @Override
  public Reply handle(TurnContext ctx) {
    if (ctx.sessionKey() != null) {
      ctx.auth().signOut(ctx.sessionKey());
    }
    ctx.updateAuth(AuthState.anonymous(), AuthStatus.ANONYMOUS);
    ctx.attributes().remove(SessionContract.PENDING_INTENT);
    ctx.attributes().remove(SessionContract.CLAIMED_CUSTOMER);
    return Replies.fulfilled(
        ctx,
        Say.both("You're signed out. I'll ask for your PIN again before any account details."));
  }
}
