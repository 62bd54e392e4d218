/**
 * Built-in algorithms and the training data formats they accept (the sheet's table, with the
 * content types AWS names in its errors). "custom" containers read anything.
 */
export const ACCEPTED_FORMATS: Readonly<Record<string, readonly string[]>> = {
  xgboost: ['csv', 'libsvm', 'parquet', 'recordio-protobuf'],
  'linear-learner': ['csv', 'recordio-protobuf'],
  kmeans: ['csv', 'recordio-protobuf'],
  pca: ['csv', 'recordio-protobuf'],
  'random-cut-forest': ['csv', 'recordio-protobuf'],
  'factorization-machines': ['recordio-protobuf'],
  deepar: ['jsonlines', 'parquet'],
  blazingtext: ['text'],
  'ip-insights': ['csv'],
};

/**
 * Formats each built-in algorithm streams efficiently in Pipe mode: RecordIO-protobuf where the
 * algorithm reads it (XGBoost also Parquet), otherwise the algorithm's own formats.
 */
export const PIPE_FORMATS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(ACCEPTED_FORMATS).map(([alg, formats]) => [
    alg,
    alg === 'xgboost'
      ? ['recordio-protobuf', 'parquet']
      : formats.includes('recordio-protobuf')
        ? ['recordio-protobuf']
        : formats,
  ]),
);

/** The MIME content type of a dataset format, as AWS names it in channel errors. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv',
  libsvm: 'text/libsvm',
  parquet: 'application/x-parquet',
  'recordio-protobuf': 'application/x-recordio-protobuf',
  jsonlines: 'application/jsonlines',
  text: 'text/plain',
  image: 'application/x-image',
};

/** Whether a built-in algorithm accepts a format; custom algorithms accept everything. */
export const accepts = (algorithm: string, format: string): boolean =>
  !ACCEPTED_FORMATS[algorithm] || ACCEPTED_FORMATS[algorithm].includes(format);

/**
 * Training input modes AWS lists per built-in algorithm where it is not "File or Pipe": DeepAR and IP Insights
 * take File only (https://docs.aws.amazon.com/sagemaker/latest/dg/common-info-all-im-models.html, checked
 * 2026-12-01; the same table gives "File or Pipe" for BlazingText, Factorization Machines, k-means, Linear Learner,
 * PCA and Random Cut Forest). FastFile presents S3 objects as files, so a File-only algorithm reads it like File.
 */
export const FILE_ONLY_ALGORITHMS: readonly string[] = ['deepar', 'ip-insights'];

/** AWS's names of the algorithms in their error messages. */
export const ALGORITHM_NAMES: Readonly<Record<string, string>> = {
  deepar: 'DeepAR forecasting',
  'ip-insights': 'IP Insights',
};
