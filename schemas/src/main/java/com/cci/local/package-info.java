/**
 * The local stack: emulators for the AWS services CCI uses, installed on first use and run as child
 * processes on free ports, for integration tests in every module and for {@code ./cci demo}.
 *
 * <table>
 *   <caption>Emulators</caption>
 *   <tr><th>Service</th><th>Emulator</th><th>Runs as</th><th>Binds</th></tr>
 *   <tr><td>Kinesis</td><td>{@link com.cci.local.KinesisMock} (npm kinesis-local)</td>
 *       <td>{@code node main.js}</td><td>all interfaces (no option)</td></tr>
 *   <tr><td>DynamoDB</td><td>{@link com.cci.local.DynamoDbLocal}</td>
 *       <td>child JVM, in memory, shared DB</td><td>127.0.0.1</td></tr>
 *   <tr><td>S3</td><td>{@link com.cci.local.S3Mock}</td><td>child JVM ({@code -jar})</td>
 *       <td>127.0.0.1 (plus an unused side port on all interfaces)</td></tr>
 * </table>
 *
 * <ul>
 *   <li>{@link com.cci.local.EmulatorInstaller} puts them in {@code -Dcci.home} / {@code $CCI_HOME}
 *       / {@code ~/.cache/cci} (npm and Maven, under a file lock; {@code ./cci stack install}).
 *   <li>{@link com.cci.local.LocalStack} starts any subset and exports {@code
 *       AWS_ENDPOINT_URL_<SERVICE>}; existing endpoints in the environment are used instead.
 *   <li>{@link com.cci.local.AwsClients} builds SDK v2 clients for those endpoints.
 *   <li>Tests: {@code com.cci.local.LocalStackExtension} in the schemas test-jar.
 *   <li>Logs: {@code target/emulator-logs/} in a Maven module, else {@code <cache>/logs/} (or
 *       {@code -Dcci.emulator.logs}).
 * </ul>
 */
package com.cci.local;
