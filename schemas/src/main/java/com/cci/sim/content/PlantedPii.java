package com.cci.sim.content;

/**
 * Residual PII planted into a turn's text (ground truth for the PII guard).
 *
 * @param turnId the turn holding it
 * @param type CARD_NUMBER, SSN, ACCOUNT_NUMBER, IBAN, ROUTING_NUMBER, EMAIL, PHONE
 * @param beginChar offset of the first character within the turn's text
 * @param endChar offset one past the last character
 */
public record PlantedPii(String turnId, String type, int beginChar, int endChar) {}
