package com.cci.batch.ctr;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import com.cci.schemas.ctr.ContactRecord;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code contact_records} table: one row per contact (latest emission), the fields QA and
 * analysts join on. Customer and system endpoints (phone numbers) are left out on purpose: they are
 * PII and nothing downstream needs them.
 */
public final class ContactRecordRows {
  private ContactRecordRows() {}

  public static final StructType SCHEMA =
      createStructType(
          new StructField[] {
            createStructField("contact_id", StringType, false),
            createStructField("channel", StringType, true),
            createStructField("initiation_method", StringType, true),
            createStructField("initiation_timestamp", TimestampType, true),
            createStructField("disconnect_timestamp", TimestampType, true),
            createStructField("last_update_timestamp", TimestampType, true),
            createStructField("disconnect_reason", StringType, true),
            createStructField("agent_id", StringType, true),
            createStructField("agent_username", StringType, true),
            createStructField("routing_profile", StringType, true),
            createStructField("connected_to_agent_timestamp", TimestampType, true),
            createStructField("agent_interaction_seconds", IntegerType, true),
            createStructField("hold_seconds", IntegerType, true),
            createStructField("acw_seconds", IntegerType, true),
            createStructField("queue_id", StringType, true),
            createStructField("queue", StringType, true),
            createStructField("queue_seconds", IntegerType, true),
            createStructField("abandoned_in_queue", BooleanType, false),
            createStructField("previous_contact_id", StringType, true),
            createStructField("initial_contact_id", StringType, true),
            createStructField("emissions", LongType, false),
            createStructField("source_key", StringType, true),
            createStructField("tenant_id", StringType, false),
            createStructField("call_date", StringType, false)
          });

  /** The row of the latest emission of a contact. */
  public static Row row(
      ContactRecord r, String tenantId, String callDate, long emissions, String sourceKey) {
    var a = r.agent();
    var q = r.queue();
    return RowFactory.create(
        r.contactId(),
        r.channel() == null ? null : r.channel().name(),
        r.initiationMethod(),
        ts(r.initiationTimestamp()),
        ts(r.disconnectTimestamp()),
        ts(r.lastUpdateTimestamp()),
        r.disconnectReason(),
        a == null ? null : a.agentId(),
        a == null ? null : a.username(),
        a == null || a.routingProfile() == null ? null : a.routingProfile().name(),
        a == null ? null : ts(a.connectedToAgentTimestamp()),
        a == null ? null : a.agentInteractionDuration(),
        a == null ? null : a.customerHoldDuration(),
        a == null ? null : a.afterContactWorkDuration(),
        q == null ? null : q.queueId(),
        q == null ? null : q.name(),
        q == null ? null : q.duration(),
        r.abandonedInQueue(),
        r.previousContactId(),
        r.initialContactId(),
        emissions,
        sourceKey,
        tenantId,
        callDate);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
