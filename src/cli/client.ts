import { type Client, type ClientConfig, createClient, InputError } from '../core/index.js'

/** The options every command takes, as aws-cli spells them. */
export interface ConnectionOptions {
  readonly profile?: string
  readonly endpointUrl?: string
  readonly region?: string
}

/**
 * The client a command uses: `--endpoint-url` and `--region` win over the environment
 * (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `AWS_REGION`, `AWS_DEFAULT_REGION`), and keys come
 * from `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`. Nothing is sent here;
 * missing keys are reported by the first request, before it goes out.
 *
 * Profiles (`--profile`, `AWS_PROFILE`, ~/.aws/credentials and ~/.aws/config) need the Node
 * credential chain (`fromIni` / `fromNodeProviderChain` in s3kit/node), which is not in this
 * tree yet: until it is, a profile is refused with a message saying what to use instead.
 */
export function connect(options: ConnectionOptions, extra: ClientConfig = {}): Client {
  // As aws-cli: --profile wins over keys in the environment; AWS_PROFILE only applies without them.
  const profile = options.profile ?? (process.env.AWS_ACCESS_KEY_ID ? undefined : process.env.AWS_PROFILE)
  if (profile) {
    throw new InputError(
      '--profile',
      `profile "${profile}" cannot be read by this build of s3kit; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_ENDPOINT_URL for a server other than AWS) instead.`,
    )
  }
  const config: ClientConfig = { ...extra }
  if (options.endpointUrl !== undefined) config.endpoint = options.endpointUrl
  if (options.region !== undefined) config.region = options.region
  return createClient(config)
}
