/**
 * Nightly QA scoring of call transcripts (Spark 3.5 on EMR Serverless) and the weekly Connect
 * review.
 */
package com.cci.batch;
