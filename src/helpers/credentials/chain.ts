import { type Credentials, CredentialsError, type CredentialsProvider } from '../../core/credentials.js'

/**
 * Tries providers in order and uses the first that finds credentials; later calls go straight to
 * that one (each s3kit provider caches and refreshes itself). A provider that finds nothing
 * (`CredentialsError` with `tryNext`) is skipped; any other failure stops the chain, because a
 * source that is configured but broken should be fixed, not silently passed over. When none finds
 * anything, the error lists every source tried and why each gave nothing. Named as in
 * `@aws-sdk/credential-providers`.
 *
 * @example
 * const credentials = createCredentialChain(fromEnv(), fromWebToken({ roleArn, webIdentityToken }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function createCredentialChain(...providers: CredentialsProvider[]): CredentialsProvider {
  let winner: CredentialsProvider | undefined
  return async (): Promise<Credentials> => {
    if (winner) return winner()
    const tried: { source: string; reason: string }[] = []
    for (const provider of providers) {
      try {
        const credentials = await provider()
        winner = provider
        return credentials
      } catch (error) {
        if (!(error instanceof CredentialsError) || !error.tryNext) throw error
        tried.push(...error.tried)
      }
    }
    throw new CredentialsError(
      'credentials chain',
      `no credentials found. Tried:\n${tried.map((t) => `  - ${t.source}: ${t.reason}`).join('\n')}`,
      { tried, tryNext: true },
    )
  }
}
