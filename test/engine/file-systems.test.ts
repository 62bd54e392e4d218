/**
 * Training inputs beyond S3 (issue 16, ingest16): EFS and FSx for Lustre mounted by a training job
 * (FileSystemDataSource, https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_FileSystemDataSource.html): no
 * download, a read at the file system's throughput (FSx SCRATCH_2 200 MB/s per TiB, PERSISTENT_2 its
 * PerUnitStorageThroughput, https://docs.aws.amazon.com/fsx/latest/LustreGuide/ssd-storage.html; EFS bursting to
 * 100 MiB/s), only from a subnet of the file system's VPC (file-system-input-needs-vpc); and S3 datasets of many small
 * objects, whose per-object GETs set the read time (small-files-slow-input,
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-access-training-data-best-practices.html).
 */
import { describe, expect, it } from 'vitest';
import { arch, edge, findings, node, run } from './../harness';

const net = [node('vpc', 'vpc'), node('sub', 'subnet', { access: 'private-with-nat' }, 'vpc')];
/** The training job, in subnet `sub` unless `parent` says otherwise (null: outside any VPC). */
const train = (props: Record<string, unknown> = {}, parent: string | null = 'sub') =>
  node(
    'train',
    'training-job',
    { algorithm: 'xgboost', trainingMinutes: 30, volumeGB: 500, ...props },
    parent ?? undefined,
  );

describe('file systems as training inputs', () => {
  const fromS3 = arch(node('raw', 's3-bucket', { datasetGB: 400 }), train({}, null), edge('raw', 'train'));
  const fromFs = (fs: Record<string, unknown>, job: Record<string, unknown> = {}) =>
    arch(
      ...net,
      node('raw', 's3-bucket', { datasetGB: 400, format: 'csv' }),
      node('fsx', 'file-system', { datasetGB: 400, ...fs }, 'sub'),
      train(job),
      edge('raw', 'fsx'),
      edge('fsx', 'train'),
    );

  it('FSx for Lustre is mounted: no Downloading copy, the job ends an hour sooner than File mode from S3', () => {
    const s3 = run(fromS3, { durationSec: 7200 });
    const fsx = run(fromFs({ storageGiB: 2400 }), { durationSec: 7200 });
    expect(s3.state('train')).toBe('Completed');
    expect(fsx.state('train')).toBe('Completed');
    // File mode: 400 GB at 100 MB/s ≈ 67 min before training; the mount takes seconds
    expect(s3.node('train').durationSec).toBeCloseTo(120 + 4010 + 1800 + 20, 0);
    expect(fsx.node('train').durationSec).toBeCloseTo(120 + 5 + 1800 + 20, 0);
    // the node's details: mount time, the read at the file system's throughput, and what a File-mode copy would take
    expect(fsx.node('train').inputMountSec).toBe(5);
    expect(fsx.node('train').fileSystemReadMin).toBeCloseTo((400 * 1024) / ((2400 / 1024) * 200) / 60, 1);
    expect(fsx.node('train').s3FileModeDownloadMin).toBeCloseTo(4010 / 60, 1);
    expect(fsx.rules().has('slow-start-file-mode')).toBe(false);
    expect(fsx.rules().has('file-mode-disk-full')).toBe(false);
    expect(s3.node('train').inputMountSec).toBeUndefined();
  });

  it('a mounted dataset larger than the volume does not fill it (nothing is copied)', () => {
    const r = run(fromFs({ storageGiB: 2400 }, { volumeGB: 30 }), { durationSec: 7200 });
    expect(r.rules().has('file-mode-disk-full')).toBe(false);
    expect(r.state('train')).toBe('Completed');
  });

  it("the file system's throughput bounds the Training phase: EFS bursting reads 400 GB at 100 MiB/s", () => {
    const efs = run(fromFs({ fsType: 'efs', throughputMode: 'bursting' }), { durationSec: 7200 });
    expect(efs.node('train').fileSystemReadMin).toBeCloseTo((400 * 1024) / 100 / 60, 1);
    expect(efs.node('train').durationSec).toBeCloseTo(120 + 5 + (400 * 1024) / 100 + 20, 0);
    // elastic reads at up to 1,500 MiB/s per client: the 30 training minutes are the longer part again
    const elastic = run(fromFs({ fsType: 'efs', throughputMode: 'elastic' }), { durationSec: 7200 });
    expect(elastic.node('train').durationSec).toBeCloseTo(120 + 5 + 1800 + 20, 0);
    // a PERSISTENT_2 file system at 125 MB/s per TiB on 1.2 TiB: 146 MB/s, 47 min for 400 GB
    const slow = run(fromFs({ deploymentType: 'PERSISTENT_2', perUnitThroughput: 125, storageGiB: 1200 }), {
      durationSec: 7200,
    });
    expect(slow.node('train').fileSystemReadMin).toBeCloseTo((400 * 1024) / ((1200 / 1024) * 125) / 60, 1);
  });

  it('a job outside the VPC cannot mount it: file-system-input-needs-vpc, Failed before training', () => {
    const doc = fromFs({}, {});
    doc.nodes.find((n) => n.id === 'train')!.parent = undefined;
    const r = run(doc);
    expect(r.state('train')).toBe('Failed');
    const i = r.incident('file-system-input-needs-vpc', 'train')!;
    expect(i.message).toMatch(
      /^ClientError: Unable to mount file system fsx \(FSxLustre\) for the input channel of train: the training job has no VpcConfig/,
    );
    expect(findings(doc).some((f) => f.rule === 'file-system-input-needs-vpc' && f.node === 'train')).toBe(true);
  });

  it('a subnet of another VPC is not enough; a subnet of the same VPC is', () => {
    const other = arch(
      ...net,
      node('vpc2', 'vpc'),
      node('sub2', 'subnet', { access: 'private-with-nat' }, 'vpc2'),
      node('fsx', 'file-system', { fsType: 'efs', datasetGB: 50 }, 'sub'),
      train({}, 'sub2'),
      edge('fsx', 'train'),
    );
    const r = run(other);
    expect(r.incident('file-system-input-needs-vpc', 'train')?.message).toMatch(
      /\(EFS\) .*subnet sub2 is in vpc2, the file system in vpc/,
    );
    const same = arch(
      ...net,
      node('sub-b', 'subnet', { access: 'private-with-nat' }, 'vpc'),
      node('fsx', 'file-system', { fsType: 'efs', datasetGB: 50 }, 'sub'),
      train({}, 'sub-b'),
      edge('fsx', 'train'),
    );
    const ok = run(same);
    expect(ok.rules().has('file-system-input-needs-vpc')).toBe(false);
    expect(ok.state('train')).toBe('Completed');
  });
});

describe('S3 datasets of many small objects', () => {
  const doc = (objectCount: number | null, job: Record<string, unknown> = {}) =>
    arch(
      node('raw', 's3-bucket', { datasetGB: 20, objectCount }),
      train({ trainingMinutes: 20, ...job }, null),
      edge('raw', 'train'),
    );

  it('500,000 objects of 42 KB in File mode: 83 min of GETs in Downloading, the job misses the hour', () => {
    const r = run(doc(500_000, { inputMode: 'File' }));
    const i = r.incident('small-files-slow-input', 'train')!;
    expect(i.message).toBe(
      'Training job train reads 500,000 objects of 41.9 KB on average from raw in File mode: 83.3 min of its ' +
        'input time go to per-object GET requests (100 per second per instance), against 3.3 min of data ' +
        'transfer.',
    );
    expect(r.state('train')).not.toBe('Completed');
    expect(findings(doc(500_000)).some((f) => f.rule === 'small-files-slow-input')).toBe(true);
  });

  it('FastFile and Pipe fetch each object as it is read: the overhead moves into Training', () => {
    for (const inputMode of ['FastFile', 'Pipe']) {
      const r = run(doc(500_000, { inputMode }), { durationSec: 10_800 });
      expect(r.incident('small-files-slow-input', 'train'), inputMode).toBeDefined();
      // Pipe on CSV also carries the copy XGBoost cannot stream (pipe-mode-format): at least as long as FastFile
      expect(r.node('train').durationSec, inputMode).toBeGreaterThanOrEqual(120 + 5 + 1200 + 5000 + 20);
    }
    expect(run(doc(500_000, { inputMode: 'FastFile' }), { durationSec: 10_800 }).node('train').durationSec).toBeCloseTo(
      120 + 5 + 1200 + 5000 + 20,
      0,
    );
  });

  it('more instances do not help: each instance reads every object, and the prefix caps them at 5,500 GET/s', () => {
    const four = run(doc(500_000, { instanceCount: 4 }), { durationSec: 14_400 });
    expect(four.incident('small-files-slow-input', 'train')).toBeDefined();
    const sixty = findings(doc(500_000, { instanceCount: 60 })).find((f) => f.rule === 'small-files-slow-input')!;
    expect(sixty.message).toMatch(/\(91\.7 per second per instance\)/);
  });

  it('shards of 100 MB (200 objects), or no objectCount at all: no overhead, done within the hour', () => {
    for (const count of [200, null]) {
      const r = run(doc(count));
      expect(r.rules().has('small-files-slow-input'), String(count)).toBe(false);
      expect(r.state('train'), String(count)).toBe('Completed');
      expect(r.node('train').durationSec, String(count)).toBeCloseTo(120 + 10 + 200 + 1200 + 20, 0);
    }
  });
});
