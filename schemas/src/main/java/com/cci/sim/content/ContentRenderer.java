package com.cci.sim.content;

import com.cci.kinesis.StreamRecord;
import java.util.List;

/** Renders a generated conversation into the records and files Amazon Connect would produce. */
public interface ContentRenderer {
  /**
   * Contact Lens real-time analysis segment events for the contact (voice Version 1.0.0 or chat
   * Version 2.0.0 by channel), each with its arrival time, on stream {@code
   * com.cci.kinesis.Streams#CONTACT_LENS}, partition key = contact id.
   */
  List<StreamRecord> realtimeSegments(ContactContext ctx, Conversation conversation);

  /** The post-call transcript file in the given format. */
  TranscriptFile postCallFile(
      ContactContext ctx, Conversation conversation, TranscriptFormat format);
}
