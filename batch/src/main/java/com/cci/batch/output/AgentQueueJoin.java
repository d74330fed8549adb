package com.cci.batch.output;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Fills {@code agent_id} and {@code queue} of scored rows from the {@code contact_records} table
 * ({@code ./cci ctr-compact}) of the same date when it exists: post-call transcript files do not
 * name the agent or the queue, the contact record does. Values the row already has are kept.
 */
public final class AgentQueueJoin {
  private AgentQueueJoin() {}

  /** The rows with agent and queue filled where the contact records know them. */
  public static Dataset<Row> fill(
      SparkSession spark,
      String output,
      LocalDate date,
      Collection<String> tenants,
      Dataset<Row> rows) {
    Optional<Dataset<Row>> ctr =
        new PartitionWriter(spark, output).read(QaTables.CONTACT_RECORDS, date, tenants);
    if (ctr.isEmpty()) {
      return rows;
    }
    Dataset<Row> c =
        ctr.get()
            .select(
                col("tenant_id").as("ctr_tenant_id"),
                col("contact_id").as("ctr_contact_id"),
                col("agent_id").as("ctr_agent_id"),
                col("queue").as("ctr_queue"));
    Dataset<Row> joined =
        rows.join(
            c,
            rows.col("tenant_id")
                .equalTo(c.col("ctr_tenant_id"))
                .and(rows.col("contact_id").equalTo(c.col("ctr_contact_id"))),
            "left");
    Column[] cols = new Column[rows.columns().length];
    String[] names = rows.columns();
    for (int i = 0; i < names.length; i++) {
      cols[i] =
          switch (names[i]) {
            case "agent_id" -> coalesce(rows.col("agent_id"), col("ctr_agent_id")).as("agent_id");
            case "queue" -> coalesce(rows.col("queue"), col("ctr_queue")).as("queue");
            default -> rows.col(names[i]);
          };
    }
    return spark.createDataFrame(joined.select(cols).rdd(), rows.schema());
  }
}
