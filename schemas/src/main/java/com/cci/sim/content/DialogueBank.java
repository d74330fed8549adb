package com.cci.sim.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Banking dialogue templates: per topic the customer's request, the agent's questions, the resolved
 * and unresolved outcomes, plus the behaviour lines shared by all topics. Parsed once.
 *
 * <p>Invariant (checked by tests): a behaviour's evidence phrases ({@link BehaviourMarkers}) occur
 * only in the lines of that behaviour, and a category's triggers only in the lines that imply it.
 */
final class DialogueBank {
  private DialogueBank() {}

  static final String BANK_NAME = "Harborview Bank";

  /** Phrases of one topic. */
  record TopicBank(
      String key,
      String issueSentiment,
      Template[] issue,
      Template[] issueChat,
      Template[] probe,
      Template[] detail,
      Template[] resolved,
      Template[] unresolved,
      Template[] afterResolved,
      Template[] afterUnresolved,
      String summaryIssue,
      String summaryResolved,
      String summaryUnresolved) {}

  // ---- behaviour lines (agent) ----
  static final Template[] GREETING_VOICE =
      Template.all(
          "Thank you for calling {BANK}, my name is {AGENT}. How can I help you today?",
          "Hello, thanks for calling {BANK}. You're speaking with {AGENT}, how may I help?",
          "Hi there, welcome to {BANK}. My name is {AGENT}, what can I do for you today?",
          "Good afternoon, you've reached {BANK} customer care, {AGENT} speaking. How can I help?");
  static final Template[] GREETING_CHAT =
      Template.all(
          "Hi there, thanks for contacting {BANK}. My name is {AGENT}, how can I help?",
          "Hello! You've reached {BANK} support, {AGENT} here. What can I do for you?",
          "Welcome to {BANK} chat, my name is {AGENT}. How can I help you today?");
  static final Template[] OPENING_PLAIN_VOICE =
      Template.all(
          "Yeah, go ahead.",
          "Okay, what do you need?",
          "What's the issue?",
          "Go ahead, I'm listening.");
  static final Template[] OPENING_PLAIN_CHAT =
      Template.all("What do you need?", "go ahead", "What's the issue?");

  static final Template[] EMPATHY =
      Template.all(
          "I'm sorry to hear that, I know that's not what you wanted to deal with today.",
          "I understand, that must be worrying.",
          "I can imagine how frustrating that is.",
          "I hear you, and I apologize for the trouble.",
          "That sounds stressful, I'm so sorry you're dealing with it.");
  static final Template[] EMPATHY_MILD =
      Template.all(
          "I understand, let's get that sorted for you.",
          "I completely understand wanting to keep on top of that.",
          "I can imagine you'd like that handled quickly.");
  static final Template[] ACK_PLAIN = Template.all("Okay.", "Right.", "Sure.", "Got it.");

  static final Template[] VERIFY_DISCLOSED =
      Template.all(
          "Before we continue, I need to verify your identity. Can you confirm your full name and date"
              + " of birth?",
          "Just so you know, this call may be recorded for quality and training. For security"
              + " purposes, can I have your full name and date of birth?",
          "For security purposes I'll need to confirm your identity first. What's your full name and"
              + " the last four digits of your card?");
  static final Template[] VERIFY_DISCLOSED_CHAT =
      Template.all(
          "This chat may be monitored or recorded. To verify your identity, what's your full name and"
              + " date of birth?",
          "For security purposes, can you confirm your full name and the last four of your card?");
  static final Template[] VERIFY_PLAIN =
      Template.all(
          "Can I get the account holder's full name?",
          "Give me your full name and I'll pull up the account.",
          "What's the name on the account?");
  static final Template[] CUSTOMER_VERIFY =
      Template.all(
          "Sure, it's {CUSTOMER}.",
          "It's {CUSTOMER}, and the card ends in {LAST4}.",
          "{CUSTOMER}. The account should be under that name.");

  static final Template[] LOOKUP =
      Template.all(
          "One moment while I pull up the account.",
          "Let me check that for you, please hold for a moment.",
          "Give me a second to look into it.",
          "Okay, I'm opening your account now, bear with me.");
  static final Template[] AFTER_HOLD = Template.all("Thanks for holding.", "Okay, I'm back.", "");

  static final Template[] TRANSFER_FEE =
      Template.all(
          "Just so you know, there is a fee of $25 for outgoing wires, taken from the same account.",
          "Please note outgoing transfer fees apply: $15 for same-day delivery.");

  static final Template[] SATISFACTION =
      Template.all(
          "Is there anything else I can help you with today?",
          "Did that answer your question?",
          "Does that help? Is there anything else you need?",
          "Have I answered everything for you today?",
          "Is that everything you needed?");
  static final Template[] CUSTOMER_NO_MORE =
      Template.all("No, that's everything.", "Nope, that was it.", "No, thanks.");

  static final Template[] CLOSING =
      Template.all("Take care, goodbye.", "Have a nice rest of your day.", "Okay, bye now.");
  static final Template[] CUSTOMER_BYE = Template.all("Bye.", "Thanks, bye.", "Okay, goodbye.");

  // ---- negative customer streak ----
  static final Template[] COMPLAINT =
      Template.all(
          "Honestly this is unacceptable, I've called about this three times already.",
          "I want to file a complaint about how this has been handled.",
          "This is unacceptable for a bank I've been with for ten years.");
  static final Template[] ANGRY =
      Template.all(
          "I've been waiting on hold for twenty minutes just to get to you.",
          "Why does everything take so long with you people?",
          "Nobody ever calls me back, I'm fed up with this.",
          "I'm really angry about this, it keeps happening.",
          "This has wasted my whole afternoon.");
  static final Template[] SUPERVISOR =
      Template.all("I want to speak to a supervisor right now.", "Put me through to a manager.");
  static final Template[] CANCEL =
      Template.all(
          "If this isn't handled today I'm closing my account.",
          "I'm ready to close my account and move my money somewhere else.");
  static final Template[] STREAK_EMPATHY =
      Template.all(
          "I completely understand, and I apologize for the wait.",
          "I hear you, that sounds stressful. Let me do what I can right now.",
          "I'm sorry it's taken this long, I'll stay with you until we have an answer.");
  static final Template[] STREAK_PLAIN =
      Template.all(
          "Okay. I still need a moment to finish checking.",
          "Noted. Let's keep going.",
          "Right. Please give me a moment.");

  // ---- residual PII carriers (customer) ----
  static final Map<PiiType, String[]> PII_CARRIERS = new LinkedHashMap<>();

  static {
    PII_CARRIERS.put(
        PiiType.CARD_NUMBER,
        new String[] {"The card number is ", "My card is ", "It's card number "});
    PII_CARRIERS.put(
        PiiType.SSN, new String[] {"My social is ", "Social security number is ", "My SSN is "});
    PII_CARRIERS.put(
        PiiType.ACCOUNT_NUMBER,
        new String[] {"My account number is ", "The account is ", "Account number "});
    PII_CARRIERS.put(PiiType.IBAN, new String[] {"The IBAN is ", "Their IBAN is "});
    PII_CARRIERS.put(
        PiiType.ROUTING_NUMBER, new String[] {"The routing number is ", "Routing number "});
    PII_CARRIERS.put(PiiType.EMAIL, new String[] {"You can email me at ", "My email is "});
    PII_CARRIERS.put(PiiType.PHONE, new String[] {"Call me back at ", "My number is "});
  }

  static final String[] MERCHANTS = {
    "Amazon",
    "Walmart",
    "Target",
    "Best Buy",
    "Uber",
    "Shell",
    "Costco",
    "Home Depot",
    "Delta",
    "Apple",
    "Starbucks",
    "Walgreens"
  };
  static final String[] CITIES = {
    "Springfield",
    "Riverside",
    "Franklin",
    "Greenville",
    "Fairview",
    "Madison",
    "Georgetown",
    "Salem",
    "Clinton",
    "Arlington"
  };
  static final String[] LOANS = {"auto loan", "mortgage", "personal loan", "home equity loan"};
  static final String[] DAYS = {
    "3rd", "5th", "8th", "10th", "12th", "14th", "17th", "19th", "21st", "24th", "27th", "28th"
  };

  static final Map<String, TopicBank> TOPICS = new LinkedHashMap<>();
  static final Map<String, String> ALIASES = new LinkedHashMap<>();

  private static void topic(
      String key,
      String issueSentiment,
      String[] issue,
      String[] issueChat,
      String[] probe,
      String[] detail,
      String[] resolved,
      String[] unresolved,
      String[] afterResolved,
      String[] afterUnresolved,
      String summaryIssue,
      String summaryResolved,
      String summaryUnresolved) {
    TOPICS.put(
        key,
        new TopicBank(
            key,
            issueSentiment,
            Template.all(issue),
            Template.all(issueChat),
            Template.all(probe),
            Template.all(detail),
            Template.all(resolved),
            Template.all(unresolved),
            Template.all(afterResolved),
            Template.all(afterUnresolved),
            summaryIssue,
            summaryResolved,
            summaryUnresolved));
  }

  private static String[] s(String... v) {
    return v;
  }

  static {
    topic(
        "balance",
        "NEUTRAL",
        s(
            "I'd like to check the balance on my checking account.",
            "Can you tell me how much I have available in my savings?",
            "I'm trying to see if my paycheck cleared and what my balance is."),
        s("need my checking balance", "what's my available balance pls", "did my paycheck clear?"),
        s(
            "Which account is it, checking or savings?",
            "Is this for the account ending in {LAST4}?"),
        s("The checking, ending in {LAST4}.", "Yes, that's the one."),
        s(
            "Your available balance is {AMOUNT}, and your paycheck posted this morning, so you're"
                + " all set.",
            "You're good to go, the account ending in {LAST4} shows {AMOUNT} available including"
                + " today's pending items."),
        s(
            "Our balance system isn't returning data for that account right now. I'll escalate it"
                + " to the back office team and they'll call you with the figure."),
        s("Great, that's what I expected.", "Perfect, thanks."),
        s("That's not great, I needed that number today."),
        "an account balance enquiry",
        "gave the current available balance",
        "could not retrieve the balance and escalated to the back office");
    topic(
        "transactions",
        "NEUTRAL",
        s(
            "I want to go over the recent transactions on my account.",
            "There's a pending transaction from {MERCHANT} and I want to know when it posts."),
        s(
            "can you check my recent transactions",
            "pending charge from {MERCHANT}, when does it post"),
        s("Sure, what date range are you looking at?", "Which transaction are you asking about?"),
        s("Everything since the {DAY}.", "The {MERCHANT} one, for {AMOUNT}."),
        s(
            "I see the {MERCHANT} charge for {AMOUNT}; it posts tonight. I've sent the full list to"
                + " your secure inbox as well.",
            "Since the {DAY} there are six transactions, the largest is {AMOUNT} at {MERCHANT}. I've"
                + " sent the list to your secure message center."),
        s(
            "The transaction history isn't loading past the {DAY} on my end. I'll escalate it and"
                + " someone will send you the details."),
        s("Okay, that helps.", "Good to know, thanks."),
        s("Alright, I guess I'll wait."),
        "recent account transactions",
        "reviewed the transactions and sent the list to the secure inbox",
        "could not load the transaction history and escalated the request");
    String[] cardResolved =
        s(
            "I've blocked the card ending in {LAST4} and ordered a replacement. It is on its way and"
                + " should arrive in {DAYS} business days.",
            "The card ending in {LAST4} has been blocked and a new one has been sent to your address"
                + " on file; expect it within {DAYS} business days.");
    String[] cardUnresolved =
        s(
            "I've put a temporary hold on the card, but I can't issue a replacement from here because"
                + " the address on file needs review. I'll escalate it to the card services team.");
    topic(
        "card-lost",
        "NEUTRAL",
        s(
            "I lost my debit card, I think I left it at a restaurant last night.",
            "I can't find my credit card anywhere and I need to block it."),
        s("lost my debit card, need to block it", "can't find my card, please block it"),
        s("When did you last use it?", "Do you remember the last purchase you made with it?"),
        s("Last night at {MERCHANT}, around {AMOUNT}.", "Yesterday, at {MERCHANT}."),
        cardResolved,
        cardUnresolved,
        s("Thanks, that's a relief.", "Okay, great."),
        s("So I still don't have a working card. Okay."),
        "a lost card",
        "blocked the card and ordered a replacement",
        "placed a temporary hold and escalated the replacement to card services");
    topic(
        "card-stolen",
        "NEGATIVE",
        s(
            "My wallet was stolen this morning and my card was in it.",
            "Someone took my bag with my credit card in it."),
        s("wallet stolen, card was in it", "my card got stolen today"),
        s("Have you noticed any new charges since it was taken?", "Did you file a police report?"),
        s("Not yet, I checked the app and nothing new.", "Yes, I have the report number."),
        cardResolved,
        cardUnresolved,
        s("Thanks, that's a relief.", "Okay, good."),
        s("So I still don't have a working card. Okay."),
        "a stolen card",
        "blocked the card and ordered a replacement",
        "placed a temporary hold and escalated the replacement to card services");
    topic(
        "card-activation",
        "NEUTRAL",
        s(
            "I got my new card in the mail and need to activate it.",
            "My replacement card arrived but it says it's not active."),
        s("need to activate my new card", "new card not working, says inactive"),
        s("Do you have the card with you? What are the last four digits?"),
        s("Yes, it ends in {LAST4}."),
        s(
            "The card ending in {LAST4} is now active, you can use it right away.",
            "Done, the card is now active and your PIN stays the same."),
        s(
            "The activation is failing on my side, it looks like the card was flagged during"
                + " shipping. I'll escalate it to card services."),
        s("Great, thank you.", "Perfect."),
        s("That's annoying, I need it for a trip."),
        "activating a new card",
        "activated the card",
        "could not activate the card and escalated to card services");
    topic(
        "fraud",
        "NEGATIVE",
        s(
            "There are charges on my account I don't recognize, I think someone has my card"
                + " details.",
            "I just got an alert for a purchase I didn't make, around {AMOUNT} at {MERCHANT}.",
            "Someone used my debit card, there's unauthorized activity from this morning."),
        s(
            "charges on my account i don't recognize",
            "got an alert for a purchase i didn't make, {AMOUNT} at {MERCHANT}",
            "unauthorized activity on my debit card"),
        s(
            "I'm going to open a fraud case. Can you tell me the amounts and when you first noticed"
                + " them?",
            "Which transactions are you seeing? I'll flag them for our fraud team."),
        s(
            "There's {AMOUNT} at {MERCHANT} on the {DAY} and a couple of smaller ones, I still have"
                + " the card with me.",
            "Two charges at {MERCHANT}, {AMOUNT} and {AMOUNT2}. I never shop there."),
        s(
            "I've blocked the card, opened a fraud claim for {AMOUNT}, and a new card is on its way"
                + " within {DAYS} business days. The provisional credit has been processed.",
            "I've credited {AMOUNT} back provisionally and blocked the compromised card. The fraud"
                + " claim is taken care of on our side."),
        s(
            "I can't reverse these from my side. I'm going to escalate this to the fraud"
                + " investigations team and they will call you within {DAYS} business days."),
        s("Okay, that's a relief. Thank you.", "Thank you, I was really worried."),
        s("So I just have to wait while someone has my money? Great."),
        "suspected fraudulent card transactions",
        "blocked the card, opened a fraud claim and issued a provisional credit",
        "escalated the fraud claim to the investigations team");
    topic(
        "dispute",
        "NEGATIVE",
        s(
            "I was charged twice by {MERCHANT} and I want to dispute one of the charges.",
            "I returned an order to {MERCHANT} weeks ago and they never refunded me."),
        s("charged twice by {MERCHANT}, want to dispute", "{MERCHANT} never refunded me"),
        s("What's the amount and the date of the charge?"),
        s("{AMOUNT} on the {DAY}.", "It's {AMOUNT}, posted on the {DAY}."),
        s(
            "I've filed the dispute for {AMOUNT} and I've credited the amount provisionally while"
                + " {MERCHANT} responds. That has been processed."),
        s(
            "Disputes for this merchant type go through our chargeback unit; I'll escalate it to them"
                + " and they'll contact you within {DAYS} business days."),
        s("Okay, good.", "Thank you, that's fair."),
        s("Fine, but I want my money back."),
        "disputing a card charge",
        "filed the dispute and issued a provisional credit",
        "escalated the dispute to the chargeback unit");
    topic(
        "transfer",
        "NEUTRAL",
        s(
            "I need to send a wire transfer to my landlord.",
            "I want to move {AMOUNT} from savings to checking.",
            "I need to set up a transfer to another bank."),
        s("need to send a wire", "move {AMOUNT} from savings to checking pls"),
        s("How much would you like to send, and to which account?"),
        s("{AMOUNT}, to the account I gave you last time.", "{AMOUNT} please."),
        s(
            "I've processed the transfer of {AMOUNT}; it will arrive by end of day.",
            "The transfer for {AMOUNT} has been processed and you'll see it tomorrow."),
        s(
            "That amount is over the limit I can approve on a call. I'll escalate it to a manager for"
                + " approval and you'll get a call back."),
        s("Perfect.", "Great, thanks."),
        s("I really needed it to go out today."),
        "sending a transfer",
        "processed the transfer",
        "escalated the transfer for approval because it exceeded the phone limit");
    topic(
        "loan-status",
        "NEUTRAL",
        s(
            "I applied for a personal loan last week and I haven't heard anything.",
            "I'm calling to check the status of my {LOAN} application."),
        s("status of my {LOAN} application?", "applied for a loan last week, any update"),
        s("Do you have the application reference, or the date you applied?"),
        s("I applied on the {DAY}.", "It was online, on the {DAY}."),
        s(
            "Your {LOAN} application was approved yesterday; I've sent the documents to your e-mail"
                + " for signature."),
        s(
            "The application is still with underwriting and I can't see a decision yet. I'll"
                + " escalate it so an underwriter calls you."),
        s("Oh that's great news!", "Wonderful, thank you."),
        s("Still nothing, then."),
        "the status of a loan application",
        "confirmed the approval and sent the documents for signature",
        "escalated the pending application to underwriting");
    topic(
        "loan-payoff",
        "NEUTRAL",
        s("I'd like a payoff quote for my {LOAN}.", "How much would it take to pay off my {LOAN}?"),
        s("need payoff amount for my {LOAN}", "how much to pay off {LOAN}"),
        s("Are you planning to pay it off this month? The quote depends on the payoff date."),
        s("Yes, by the {DAY}."),
        s(
            "Your payoff amount through the {DAY} is {AMOUNT}. I've sent the payoff letter to your"
                + " secure inbox."),
        s(
            "I can't generate the payoff letter here because a payment is still pending. I'll"
                + " escalate it to loan servicing and they'll send it."),
        s("Thanks, that's helpful.", "Great."),
        s("I need that letter soon."),
        "a loan payoff quote",
        "quoted the payoff amount and sent the payoff letter",
        "escalated the payoff letter to loan servicing");
    topic(
        "statement",
        "NEUTRAL",
        s(
            "I need a copy of my statement from last month.",
            "I haven't received my paper statement for the last two months."),
        s("need last month's statement", "not getting my paper statements"),
        s("Which month do you need, and would you like it by mail or online?"),
        s("Last month, online is fine.", "By mail please."),
        s(
            "I've sent the statement to your online banking documents, and your mailing preference"
                + " has been updated."),
        s(
            "Statements older than the current cycle come from our archive team. I'll escalate the"
                + " request and they'll mail it."),
        s("Great.", "Thanks."),
        s("Okay, I'll wait for it."),
        "a copy of a statement",
        "sent the statement and updated the mailing preference",
        "escalated the statement request to the archive team");
    topic(
        "contact-update",
        "NEUTRAL",
        s(
            "I moved and need to update my address.",
            "I need to change the phone number on my account."),
        s("need to update my address", "change phone number on my account"),
        s("What's the new address or number you'd like on file?"),
        s("It's 42 Maple Street, {CITY}.", "The new one is the mobile I'm using now."),
        s(
            "I've updated your contact details; you'll get a confirmation letter at the new address."),
        s(
            "Address changes need a signed form for this account type. I'll escalate it and we'll"
                + " mail you the form."),
        s("Thanks.", "Great, thank you."),
        s("That seems like a lot of hassle."),
        "updating contact information",
        "updated the contact details",
        "escalated the change because a signed form is needed");
    topic(
        "branch-hours",
        "NEUTRAL",
        s("What time does the {CITY} branch open on Saturday?", "Is the {CITY} branch open today?"),
        s("{CITY} branch hours saturday?", "is {CITY} branch open today"),
        s("Is that the main {CITY} branch downtown?"),
        s("Yes, the downtown one."),
        s(
            "The downtown {CITY} branch is open nine to one on Saturday, so you're all set for the"
                + " weekend.",
            "The {CITY} branch opens at nine today and closes at five. I've sent the details by text"
                + " too."),
        s(
            "The {CITY} hours are changing this month and I don't have the new schedule. I'll"
                + " escalate it to the branch team."),
        s("Perfect, thanks.", "Okay, great."),
        s("Okay."),
        "branch opening hours",
        "gave the branch hours",
        "did not have the new branch hours and escalated to the branch team");
    topic(
        "general",
        "NEUTRAL",
        s(
            "I have a question about my account.",
            "I need some help with online banking, I can't log in."),
        s("question about my account", "can't log in to online banking"),
        s("Sure, what's going on exactly?"),
        s(
            "The app keeps saying my password is wrong.",
            "I got a letter and I'm not sure what it means."),
        s(
            "I've reset your online banking access; you'll get a temporary password by text and"
                + " you're good to go."),
        s(
            "I can't change that from here. I'll escalate it to the digital banking team and they'll"
                + " reach out."),
        s("Oh good, thank you.", "Okay, thanks."),
        s("Alright."),
        "a general account question",
        "reset the online banking access",
        "escalated the question to the digital banking team");

    ALIASES.put("lost-card", "card-lost");
    ALIASES.put("card-lost-stolen", "card-lost");
    ALIASES.put("stolen-card", "card-stolen");
    ALIASES.put("card-activate", "card-activation");
    ALIASES.put("activation", "card-activation");
    ALIASES.put("activate-card", "card-activation");
    ALIASES.put("transaction", "transactions");
    ALIASES.put("recent-transactions", "transactions");
    ALIASES.put("disputes", "dispute");
    ALIASES.put("chargeback", "dispute");
    ALIASES.put("wire", "transfer");
    ALIASES.put("transfers", "transfer");
    ALIASES.put("loan", "loan-status");
    ALIASES.put("loan-application", "loan-status");
    ALIASES.put("payoff", "loan-payoff");
    ALIASES.put("statements", "statement");
    ALIASES.put("contact-info-update", "contact-update");
    ALIASES.put("contact-info", "contact-update");
    ALIASES.put("address-change", "contact-update");
    ALIASES.put("update-contact", "contact-update");
    ALIASES.put("hours", "branch-hours");
    ALIASES.put("branch", "branch-hours");
    ALIASES.put("fraud-report", "fraud");
  }

  /**
   * The bank for a topic name: known keys and aliases ({@code card_lost}, {@code Card Lost} and
   * {@code lost-card} all map to {@code card-lost}); anything else is a general enquiry.
   */
  static TopicBank topic(String name) {
    if (name == null) {
      return TOPICS.get("general");
    }
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    TopicBank t = TOPICS.get(n);
    if (t == null) {
      String alias = ALIASES.get(n);
      t = alias == null ? null : TOPICS.get(alias);
    }
    return t == null ? TOPICS.get("general") : t;
  }

  /** Every template, tagged with the group it belongs to, for invariant checks. */
  static Map<String, List<Template>> allGroups() {
    Map<String, List<Template>> g = new LinkedHashMap<>();
    g.put("GREETING", concat(GREETING_VOICE, GREETING_CHAT));
    g.put("OPENING_PLAIN", concat(OPENING_PLAIN_VOICE, OPENING_PLAIN_CHAT));
    g.put("EMPATHY", concat(EMPATHY, EMPATHY_MILD, STREAK_EMPATHY));
    g.put("ACK_PLAIN", concat(ACK_PLAIN, STREAK_PLAIN));
    g.put("COMPLIANCE", concat(VERIFY_DISCLOSED, VERIFY_DISCLOSED_CHAT, TRANSFER_FEE));
    g.put("VERIFY_PLAIN", concat(VERIFY_PLAIN));
    g.put("SATISFACTION", concat(SATISFACTION));
    g.put(
        "NEUTRAL_SHARED",
        concat(
            CUSTOMER_VERIFY, LOOKUP, AFTER_HOLD, CUSTOMER_NO_MORE, CLOSING, CUSTOMER_BYE, ANGRY));
    g.put("COMPLAINT", concat(COMPLAINT));
    g.put("SUPERVISOR", concat(SUPERVISOR));
    g.put("CANCEL", concat(CANCEL));
    for (TopicBank t : TOPICS.values()) {
      String p = "topic:" + t.key() + ":";
      g.put(p + "issue", concat(t.issue(), t.issueChat()));
      g.put(p + "flow", concat(t.probe(), t.detail(), t.afterResolved(), t.afterUnresolved()));
      g.put(p + "resolved", concat(t.resolved()));
      g.put(p + "unresolved", concat(t.unresolved()));
    }
    return g;
  }

  private static List<Template> concat(Template[]... arrays) {
    List<Template> out = new ArrayList<>();
    for (Template[] a : arrays) {
      Collections.addAll(out, a);
    }
    return out;
  }
}
