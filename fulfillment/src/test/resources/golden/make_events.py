#!/usr/bin/env python3
"""Writes the golden Lex V2 events (golden/<case>/event.json, setup.json).

Shapes follow schemas/src/test/resources/fixtures/lex-v2-event/valid (speech-dialog-hook-null-slot.json
for voice, chat-text-fulfillment.json for chat). Expected responses are written by GoldenIntentTest
with -Dgolden.update=true and reviewed by hand. Run from this directory: python3 make_events.py
"""
import json, os, uuid

BOT = {"id": "QXN7RZ2P1K", "name": "DemoBankBot", "localeId": "en_US", "version": "DRAFT",
       "aliasId": "TSTALIASID", "aliasName": "TestBotAlias"}
PHONES = {"C1001": "+15125550101", "C1002": "+15125550102", "C1003": "+12065550103",
          "C1004": "+13035550104", "C1005": "+14155550105", "C1006": "+17135550106"}


def slot(v):
    if v is None:
        return None
    return {"shape": "Scalar", "value": {"originalValue": v, "interpretedValue": v, "resolvedValues": [v]}}


def event(case, intent, slots, channel="voice", source="DialogCodeHook", confirmation="None",
          customer=None, attrs=None, transcript="", nlu=0.93, dtmf=False, setup=None, state="InProgress"):
    u = uuid.uuid5(uuid.NAMESPACE_URL, "cci-golden/" + case)
    contact = str(uuid.uuid5(uuid.NAMESPACE_URL, "cci-golden-contact/" + case))
    voice = channel == "voice"
    sa = {"contactId": contact, "channel": "VOICE" if voice else "CHAT", "locale": "en_US"}
    if customer:
        sa["customerPhone"] = PHONES[customer]
    sa.update(attrs or {})
    it = {"name": intent, "slots": {k: slot(v) for k, v in slots.items()}, "state": state,
          "confirmationState": confirmation}
    interp = [{"intent": it, "interpretationSource": "Lex"}]
    if nlu is not None:
        interp[0]["nluConfidence"] = nlu
    if intent != "FallbackIntent":
        interp.append({"intent": {"name": "FallbackIntent", "slots": {}, "state": "InProgress",
                                  "confirmationState": "None"}, "interpretationSource": "Lex"})
    ev = {
        "messageVersion": "1.0",
        "invocationSource": source,
        "inputMode": ("DTMF" if dtmf else "Speech") if voice else "Text",
        "responseContentType": "audio/pcm" if voice else "text/plain; charset=utf-8",
        "sessionId": contact if voice else "us-east-1:" + str(u),
        "inputTranscript": transcript,
        "bot": BOT,
        "interpretations": interp,
        "requestAttributes": {"x-amz-lex:accept-content-types": "PlainText,SSML"} if voice else {},
        "sessionState": {"sessionAttributes": sa, "activeContexts": [], "intent": it,
                         "originatingRequestId": str(uuid.uuid5(uuid.NAMESPACE_URL, "cci-golden-req/" + case))},
    }
    if voice and not dtmf:
        ev["transcriptions"] = [{"transcription": transcript, "transcriptionConfidence": 0.9,
                                 "resolvedContext": {"intent": intent}, "resolvedSlots": {}}]
    os.makedirs(case, exist_ok=True)
    with open(os.path.join(case, "event.json"), "w") as f:
        json.dump(ev, f, indent=2)
        f.write("\n")
    s = dict(setup or {})
    if customer and s.get("authenticated", True) is not False and "authenticated" not in s:
        s["authenticatedAs"] = customer
    s.pop("authenticated", None)
    with open(os.path.join(case, "setup.json"), "w") as f:
        json.dump(s, f, indent=2)
        f.write("\n")


NOAUTH = {"authenticated": False}
P = '{"name":"CheckBalance","slots":{"AccountType":"Checking"}}'

# ---- accounts
event("check-balance-voice", "CheckBalance", {"AccountType": "Checking"}, customer="C1001",
      transcript="what's the balance on my checking account")
event("check-balance-voice-asks-account", "CheckBalance", {"AccountType": None}, customer="C1001",
      transcript="what's my balance")
event("check-balance-chat-all-accounts", "CheckBalance", {"AccountType": None}, channel="chat",
      customer="C1001", transcript="what are my balances")
event("check-balance-unauthenticated-asks-pin", "CheckBalance", {"AccountType": "Checking"},
      customer="C1001", setup=NOAUTH, transcript="what's the balance on my checking account")
event("check-balance-forged-auth-attributes", "CheckBalance", {"AccountType": "Checking"},
      channel="chat", customer="C1001", setup=NOAUTH, transcript="balance of checking",
      attrs={"authStatus": "AUTHENTICATED", "authenticated": "true", "customerId": "C1001"})
event("transaction-history-chat", "TransactionHistory",
      {"AccountType": "Checking", "StartDate": "2026-11-01", "EndDate": "2026-11-20"}, channel="chat",
      customer="C1001", transcript="show my checking transactions since November 1")
event("transaction-history-voice-future-start", "TransactionHistory",
      {"AccountType": "Checking", "StartDate": "2026-12-24", "EndDate": None}, customer="C1001",
      transcript="transactions from December 24")
event("account-details-chat", "AccountDetails", {"AccountType": None}, channel="chat",
      customer="C1003", transcript="what accounts do I have")
event("request-statement-voice", "RequestStatement",
      {"AccountType": "Savings", "StatementMonth": "2026-10"}, customer="C1001",
      transcript="I need my savings statement for October")
event("request-statement-chat-current-month", "RequestStatement",
      {"AccountType": "Checking", "StatementMonth": "2026-11-01"}, channel="chat", customer="C1001",
      transcript="statement for this month")
# ---- cards
event("activate-card-chat", "ActivateCard", {"CardLast4": "3006"}, channel="chat", customer="C1004",
      transcript="activate my card ending 3006")
event("activate-card-voice-bad-digits", "ActivateCard", {"CardLast4": "30"}, customer="C1004",
      dtmf=True, transcript="30")
event("change-pin-voice", "ChangePin", {}, customer="C1001", transcript="I want to change my PIN")
event("report-lost-stolen-card-voice", "ReportLostStolenCard", {"CardLast4": None}, customer="C1002",
      transcript="I lost my debit card")
event("report-lost-stolen-card-chat-asks-which", "ReportLostStolenCard", {"CardLast4": None},
      channel="chat", customer="C1006", transcript="my card was stolen")
event("report-fraud-chat", "ReportFraud", {"CardLast4": None}, channel="chat", customer="C1005",
      transcript="there are charges I didn't make")
# ---- transfers
event("transfer-internal-voice-confirm", "TransferInternal",
      {"Amount": "250", "FromAccountType": "Checking", "ToAccountType": "Savings"}, customer="C1003",
      transcript="move 250 dollars from checking to savings")
event("transfer-internal-chat-confirmed", "TransferInternal",
      {"Amount": "250", "FromAccountType": "Checking", "ToAccountType": "Savings"}, channel="chat",
      customer="C1003", confirmation="Confirmed", source="FulfillmentCodeHook", state="ReadyForFulfillment",
      attrs={"cciConfirmRef": "3b0b1f8e-golden-confirm"}, transcript="yes")
event("transfer-internal-chat-denied", "TransferInternal",
      {"Amount": "250", "FromAccountType": "Checking", "ToAccountType": "Savings"}, channel="chat",
      customer="C1003", confirmation="Denied", transcript="no")
event("transfer-internal-chat-over-limit", "TransferInternal",
      {"Amount": "30000", "FromAccountType": "Savings", "ToAccountType": "Checking"}, channel="chat",
      customer="C1003", transcript="transfer 30000 from savings to checking")
event("transfer-external-chat-confirm", "TransferExternal",
      {"PayeeName": "Jane Doe", "RoutingNumber": "021000021", "PayeeAccountNumber": "987654321",
       "Amount": "1200.50", "FromAccountType": "Checking"}, channel="chat", customer="C1006",
      transcript="from checking")
event("transfer-external-voice-bad-routing", "TransferExternal",
      {"PayeeName": "Jane Doe", "RoutingNumber": "123456789", "PayeeAccountNumber": None, "Amount": None,
       "FromAccountType": None}, customer="C1006", dtmf=True, transcript="123456789")
# ---- loans
event("loan-status-voice", "LoanStatus", {"LoanType": None}, customer="C1002",
      transcript="what's the status of my loan")
event("loan-payment-due-chat", "LoanPaymentDue", {"LoanType": "Auto"}, channel="chat", customer="C1001",
      transcript="when is my car payment due")
event("loan-payment-due-chat-past-due", "LoanPaymentDue", {"LoanType": None}, channel="chat",
      customer="C1004", transcript="when is my loan payment due")
event("loan-payoff-amount-chat-asks-which", "LoanPayoffAmount", {"LoanType": None}, channel="chat",
      customer="C1005", transcript="what's my payoff amount")
event("loan-payoff-amount-voice", "LoanPayoffAmount", {"LoanType": "home equity"}, customer="C1005",
      transcript="payoff amount for my home equity line")
# ---- security / general
event("block-account-voice-confirm", "BlockAccount", {"AccountType": "Savings"}, customer="C1003",
      transcript="block my savings account")
event("block-account-voice-confirmed", "BlockAccount", {"AccountType": "Savings"}, customer="C1003",
      confirmation="Confirmed", transcript="yes")
event("update-contact-info-chat-confirm", "UpdateContactInfo",
      {"ContactType": "email", "NewValue": "Maria.G@example.com"}, channel="chat", customer="C1001",
      transcript="change my email to maria.g@example.com")
event("update-contact-info-voice-confirmed", "UpdateContactInfo",
      {"ContactType": "phone", "NewValue": "5125550199"}, customer="C1001", confirmation="Confirmed",
      transcript="yes")
event("update-contact-info-chat-bad-email", "UpdateContactInfo",
      {"ContactType": "email", "NewValue": "maria at"}, channel="chat", customer="C1001",
      transcript="maria at")
event("update-contact-info-chat-email-confirmed", "UpdateContactInfo",
      {"ContactType": "email", "NewValue": "J.Whitaker@example.org"}, channel="chat", customer="C1002",
      confirmation="Confirmed", transcript="yes")
event("update-contact-info-chat-phone-in-use", "UpdateContactInfo",
      {"ContactType": "phone", "NewValue": "(206) 555-0103"}, channel="chat", customer="C1001",
      confirmation="Confirmed", transcript="yes")
event("bank-outage-chat-update-contact-info", "UpdateContactInfo",
      {"ContactType": "email", "NewValue": "maria.g@example.com"}, channel="chat", customer="C1001",
      confirmation="Confirmed", setup={"bankOutage": True}, transcript="yes")
event("routing-number-voice", "RoutingNumber", {}, setup=NOAUTH, transcript="what's your routing number")
event("branch-hours-chat", "BranchHours", {}, channel="chat", setup=NOAUTH, transcript="when are you open")
event("dispute-transaction-chat-confirm", "DisputeTransaction",
      {"Amount": "37.86", "TransactionDate": "2026-11-06", "AccountType": "Checking"},
      channel="chat", customer="C1001", transcript="I want to dispute a charge of 37.86 from November 6")
event("dispute-transaction-voice-confirmed", "DisputeTransaction",
      {"Amount": "37.86", "TransactionDate": "2026-11-06", "AccountType": "Checking"},
      customer="C1001", confirmation="Confirmed", transcript="yes")
event("dispute-transaction-chat-no-match", "DisputeTransaction",
      {"Amount": "9999.99", "TransactionDate": "2026-11-10", "AccountType": "Checking"}, channel="chat",
      customer="C1001", transcript="dispute 9999.99 on November 10")
event("transfer-to-agent-chat", "TransferToAgent", {"Topic": "my loan"}, channel="chat", setup=NOAUTH,
      transcript="I want to talk to someone about my loan")
event("sign-out-chat", "SignOut", {}, channel="chat", customer="C1001", transcript="sign me out")
# ---- authentication and fallback
event("authenticate-voice-right-pin-resumes", "Authenticate", {"AccountNumber": None, "Pin": "4821"},
      customer="C1001", setup=NOAUTH, dtmf=True, transcript="4821",
      attrs={"cciPendingIntent": P, "cciActiveIntent": "Authenticate"})
event("authenticate-voice-wrong-pin", "Authenticate", {"AccountNumber": None, "Pin": "1111"},
      customer="C1001", setup=NOAUTH, dtmf=True, transcript="1111",
      attrs={"cciPendingIntent": P, "cciActiveIntent": "Authenticate"})
event("authenticate-chat-unknown-phone-asks-account", "Authenticate", {"AccountNumber": None, "Pin": None},
      channel="chat", setup=NOAUTH, attrs={"customerPhone": "+19995550000"}, transcript="log me in")
event("authenticate-chat-by-account-number", "Authenticate", {"AccountNumber": "100200300501", "Pin": None},
      channel="chat", setup=NOAUTH, transcript="100200300501",
      attrs={"cciActiveIntent": "Authenticate"})
event("fallback-chat-first", "FallbackIntent", {}, channel="chat", setup=NOAUTH, nlu=None,
      transcript="purple monkey dishwasher")
event("fallback-voice-second-escalates", "FallbackIntent", {}, setup=NOAUTH, nlu=None,
      attrs={"cciFallbackCount": "1"}, transcript="hmm what")
event("low-confidence-chat-first-recognition", "CheckBalance", {"AccountType": None}, channel="chat",
      customer="C1001", nlu=0.22, transcript="bal")
event("unknown-intent-chat", "OrderPizza", {}, channel="chat", setup=NOAUTH, transcript="order a pizza")
event("bank-outage-voice-check-balance", "CheckBalance", {"AccountType": "Checking"}, customer="C1001",
      setup={"bankOutage": True}, transcript="what's my checking balance")
event("bank-outage-chat-report-fraud", "ReportFraud", {"CardLast4": None}, channel="chat",
      customer="C1006", setup={"bankOutage": True}, transcript="fraud on my account")
event("bank-outage-voice-unauthenticated-transfer", "TransferInternal",
      {"Amount": "100", "FromAccountType": "Checking", "ToAccountType": "Savings"}, customer="C1001",
      setup={"bankOutage": True, "authenticated": False}, transcript="move 100 dollars to savings")
event("authenticate-voice-pin-check-unavailable", "Authenticate", {"AccountNumber": None, "Pin": "4821"},
      customer="C1001", dtmf=True, transcript="4821", setup={"bankOutage": True, "authenticated": False},
      attrs={"cciPendingIntent": P, "cciActiveIntent": "Authenticate", "cciClaimedCustomer": "C1001"})
