package com.cci.fulfillment.session;

/** How the customer talks to the bot: VOICE (Connect phone, speech or DTMF) or CHAT (text). */
public enum Channel {
  VOICE,
  CHAT
}
