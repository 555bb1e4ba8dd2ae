// Drives a BigQuery Storage server with Google's official Node.js client, @google-cloud/bigquery-storage
// (resolved through NODE_PATH from src/Google/BigQuery/protos/node_modules, the same pinned package the protos
// come from). Usage:
//   node google-client.js write HOST PORT PROJECT DATASET TABLE ROWS_JSON   -> appends through managedwriter's JSONWriter
//   node google-client.js read  HOST PORT PROJECT DATASET TABLE [FIELDS_CSV] [ROW_RESTRICTION]
//                                                                            -> a read session and ReadRows in Arrow
// The last line of stdout is one JSON object.
'use strict';
// Local server only: never probe the GCE metadata server for credentials or a project.
process.env.METADATA_SERVER_DETECTION = 'none';
const { managedwriter, adapt, v1 } = require('@google-cloud/bigquery-storage');
const { grpc } = require('google-gax');
const arrow = require('apache-arrow');

async function write(clientOptions, project, dataset, table, rowsJson) {
  const parent = `projects/${project}/datasets/${dataset}/tables/${table}`;
  const writerClient = new managedwriter.WriterClient(clientOptions);
  try {
    const writeStream = await writerClient.getWriteStream({ streamId: `${parent}/streams/_default`, view: 'FULL' });
    const protoDescriptor = adapt.convertStorageSchemaToProto2Descriptor(writeStream.tableSchema, 'root');
    const connection = await writerClient.createStreamConnection({ streamId: managedwriter.DefaultStream, destinationTable: parent });
    const writer = new managedwriter.JSONWriter({ connection, protoDescriptor });
    // DATE and TIMESTAMP columns take Date objects (the encoder turns them into days / microseconds).
    const rows = JSON.parse(rowsJson).map(r => {
      const out = { ...r };
      for (const [k, v] of Object.entries(r)) if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(v)) out[k] = new Date(v);
      return out;
    });
    const result = await writer.appendRows(rows).getResult();
    writer.close();
    const rowErrors = (result.rowErrors || []).map(e => ({ index: Number(e.index), message: e.message }));
    return { error: result.error ? { code: result.error.code, message: result.error.message } : null, row_errors: rowErrors };
  } finally {
    writerClient.close();
  }
}

async function read(clientOptions, project, dataset, table, fields, restriction) {
  const client = new v1.BigQueryReadClient(clientOptions);
  try {
    const readOptions = {};
    if (fields) readOptions.selectedFields = fields.split(',');
    if (restriction) readOptions.rowRestriction = restriction;
    const [session] = await client.createReadSession({
      parent: `projects/${project}`,
      readSession: { table: `projects/${project}/datasets/${dataset}/tables/${table}`, dataFormat: 'ARROW', readOptions },
      maxStreamCount: 1,
    });
    const schema = Buffer.from(session.arrowSchema.serializedSchema);
    const rows = [];
    const columns = [];
    for (const stream of session.streams || []) {
      for await (const response of client.readRows({ readStream: stream.name })) {
        if (!response.arrowRecordBatch || !response.arrowRecordBatch.serializedRecordBatch) continue;
        const reader = arrow.RecordBatchReader.from(Buffer.concat([schema, Buffer.from(response.arrowRecordBatch.serializedRecordBatch)]));
        for (const batch of reader) {
          if (columns.length === 0) columns.push(...batch.schema.fields.map(f => `${f.name}:${f.type}`));
          for (let i = 0; i < batch.numRows; i++) {
            const row = {};
            for (const f of batch.schema.fields) row[f.name] = plain(batch.getChild(f.name).get(i), f.type);
            rows.push(row);
          }
        }
      }
    }
    return { streams: (session.streams || []).length, columns, rows };
  } finally {
    await client.close();
  }
}

// Arrow values as JSON: dates as YYYY-MM-DD, timestamps as ISO strings, bigint as number, lists as arrays.
function plain(v, type) {
  if (v === null || v === undefined) return null;
  if (arrow.DataType.isDate(type)) return new Date(Number(v)).toISOString().slice(0, 10);
  if (arrow.DataType.isTimestamp(type)) return new Date(Number(v)).toISOString();
  if (arrow.DataType.isList(type)) return Array.from(v.toArray(), x => plain(x, type.children[0].type));
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
    return v;
}

async function main() {
  const [mode, host, port, project, dataset, table, a, b] = process.argv.slice(2);
  const clientOptions = { apiEndpoint: host, port: Number(port), sslCreds: grpc.credentials.createInsecure(), projectId: project };
  const result = mode === 'write'
    ? await write(clientOptions, project, dataset, table, a)
    : await read(clientOptions, project, dataset, table, a, b);
  console.log(JSON.stringify(result));
}

main().catch(e => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
