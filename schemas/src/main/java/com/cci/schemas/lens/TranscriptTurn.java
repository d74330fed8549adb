package com.cci.schemas.lens;

import com.cci.schemas.transcript.Role;
import com.cci.schemas.transcript.Sentiment;
import java.time.Instant;

/**
 * A final transcript turn of a segment event, normalised over voice and chat.
 *
 * @param id transcript id
 * @param participantId the participant's id (the role name for voice)
 * @param role normalised role; null when the wire role is unknown
 * @param participantRole the wire role ({@code AGENT}, {@code CUSTOMER}, {@code SUPERVISOR}...)
 * @param content the text (redacted when the stream is)
 * @param sentiment null when not analysed
 * @param beginOffsetMillis offset into the call (voice); null for chat
 * @param endOffsetMillis offset into the call (voice); null for chat
 * @param absoluteTime when the message was sent (chat); null for voice
 */
public record TranscriptTurn(
    String id,
    String participantId,
    Role role,
    String participantRole,
    String content,
    Sentiment sentiment,
    Long beginOffsetMillis,
    Long endOffsetMillis,
    Instant absoluteTime) {}
