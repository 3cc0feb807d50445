/** The SDK version, sent with every submission and exposed as `Tandem.version`. */
export const VERSION = '0.1.0';
