package com.cci.schemas.transcript;

import com.cci.schemas.ctr.Channel;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A post-call transcript normalised over the three AWS formats (Contact Lens voice, Contact Lens
 * chat, Transcribe Call Analytics). Built by {@link TranscriptParser}.
 *
 * @param format the file's format, detected from its content
 * @param contactId the Connect contact id when the file carries it ({@code
 *     CustomerMetadata.ContactId}); null for Transcribe output
 * @param instanceId the Connect instance id when the file carries it; else null
 * @param channel {@link Channel#VOICE} or {@link Channel#CHAT}
 * @param languageCode e.g. {@code en-US}
 * @param turns the conversation, in file order; chat events (joins, leaves) are not turns
 * @param matchedCategories matched rule categories, without duplicates, in file order
 * @param summary the generative summary, or null when the file has none
 * @param overallSentiment overall sentiment score (-5..5) per role, for the roles the file scores
 * @param totalDurationMillis the conversation's duration: {@code TotalConversationDurationMillis}
 *     when given, else from the turns; null when no turns
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallTranscript(
    TranscriptFormat format,
    String contactId,
    String instanceId,
    Channel channel,
    String languageCode,
    List<Turn> turns,
    List<String> matchedCategories,
    String summary,
    Map<Role, Double> overallSentiment,
    Long totalDurationMillis) {

  public CallTranscript {
    turns = List.copyOf(turns);
    matchedCategories = List.copyOf(matchedCategories);
    overallSentiment = Collections.unmodifiableMap(overallSentiment);
  }

  /**
   * One turn of the conversation.
   *
   * @param id the turn's id in the file
   * @param role who spoke
   * @param beginOffsetMillis offset from the start of the conversation; for chat, from the first
   *     transcript item's AbsoluteTime
   * @param endOffsetMillis end offset; for chat messages equal to the begin offset
   * @param text the turn's text (redacted when the file is)
   * @param sentiment null when the file does not score the turn
   * @param loudness per-second loudness scores (voice); null elements are seconds the file left
   *     unscored; empty for chat
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Turn(
      String id,
      Role role,
      long beginOffsetMillis,
      long endOffsetMillis,
      String text,
      Sentiment sentiment,
      List<Double> loudness) {

    public Turn {
      loudness = Collections.unmodifiableList(loudness);
    }

    /** Mean of the scored seconds' loudness, or null when none is scored. */
    public Double meanLoudness() {
      double sum = 0;
      int n = 0;
      for (Double d : loudness) {
        if (d != null) {
          sum += d;
          n++;
        }
      }
      return n == 0 ? null : sum / n;
    }
  }
}
