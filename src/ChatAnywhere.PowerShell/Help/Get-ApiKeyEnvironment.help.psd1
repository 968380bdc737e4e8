# Help prose for Get-ApiKeyEnvironment. build.ps1 turns it, with the cmdlet's own parameter metadata, into MAML.
@{
    Synopsis    = 'Shows which API key and base URL each client on this machine would really use, where it finds them, and what is wrong with them.'
    Description = @(
        'The most common cause of "401 Incorrect API key provided" is a ChatAnywhere or relay key that a program sends to api.openai.com, because the base URL variable it reads was never set, or was set under a name this client ignores (openai-python 1.x reads OPENAI_BASE_URL, 0.x and LlamaIndex read OPENAI_API_BASE), or without the /v1 the SDK expects. Get-ApiKeyEnvironment works out, for each known client, the key and base URL it would use here, and names the problem.'
        'It reads the process environment (on Windows also the User and Machine scopes), .env files in the current folder and its parents (or -Path), PSOpenAI''s $global:OPENAI_API_KEY and $global:OPENAI_API_BASE, and $PSDefaultParameterValues for this module''s cmdlets. A .env value counts when the environment has none, as dotenv loaders do. Which variables each client reads, with the source line of each, is in docs/client-environment.md of the project.'
        'It sends nothing anywhere. Keys are shown masked with a fingerprint; the ApiKey property holds the key as a SecureString, so that Get-ApiKeyEnvironment | Test-ApiKey tests each pair as that client would send it (a relay key bound for api.openai.com is reported as WrongEndpoint without being sent).'
    )
    Parameters  = @{
        Path   = '.env files, or folders holding one, to read instead of the current folder and its parents. Accepts pipeline input by property name (FullName), so Get-ChildItem -Recurse -Filter .env | Get-ApiKeyEnvironment works.'
        Client = 'Only these clients (wildcards allowed; tab completion lists them): openai-python 1.3+, openai-python 0.x, openai-node, LangChain (Python), LangChain.js, LlamaIndex, OpenAI .NET, PSOpenAI, ChatAnywhere (this module).'
    }
    Inputs      = @(
        @{ Type = 'System.String'; Description = 'Paths of .env files or folders (by property name Path or FullName).' }
    )
    Outputs     = @(
        @{ Type = 'ChatAnywhere.ApiKeyEnvironment'; Description = 'One per client that would find a key: Client, Key (masked), KeyFingerprint, KeyShape (Relay, OpenAI, Other, Malformed), KeySource, BaseUri, BaseUriSource, Problems (Code, Message, Fix), ApiKey (SecureString, hidden from views), CheckedAt (UTC).' }
    )
    Notes       = @(
        'Problem codes: RelayKeySentToOpenAI (a relay key and no base URL this client reads: it goes to api.openai.com), OpenAIKeyToRelay (an OpenAI key sent to another host), KeyMalformed, KeyHasWhitespace (the client sends the white space), KeyQuoted (the client sends the quotes), BaseUriMissingV1 (the client puts the path straight after the base URL), BaseUriDoubleV1, VariableIgnoredByClient (a base URL set under a name this client does not read), UnencryptedBaseUri, ScopesDisagree (Process, User, Machine or .env hold different values: a new terminal or a service will use another one).'
        'The OpenAI .NET library reads no variable itself; its row shows what its samples do (OPENAI_API_KEY, the default endpoint). What a given .NET program uses is decided in its code.'
        'Error ids: DotEnvNotFound, DotEnvUnreadable.'
    )
    Examples    = @(
        @{
            Title   = 'Which key and URL would each client use here?'
            Code    = 'Get-ApiKeyEnvironment'
            Remarks = 'One row per client that finds a key; Problems lists what is wrong.'
        }
        @{
            Title   = 'Read the problems and their fixes'
            Code    = 'Get-ApiKeyEnvironment | Where-Object Problems | Select-Object Client -ExpandProperty Problems | Format-List Client, Code, Message, Fix'
            Remarks = 'Each problem names the variable or the .env line and what to change.'
        }
        @{
            Title   = 'Test each pair as the client would send it'
            Code    = 'Get-ApiKeyEnvironment | Test-ApiKey | Format-Table Key, BaseUri, Verdict, Reason'
            Remarks = 'A relay key bound for api.openai.com comes back WrongEndpoint (RelayKeySentToOpenAI) without being sent there.'
        }
        @{
            Title   = 'Check the .env files of a project, for one client'
            Code    = "Get-ApiKeyEnvironment -Path ./my-app -Client 'openai-python*'"
            Remarks = 'Reads ./my-app/.env instead of the current folder and its parents.'
        }
        @{
            Title   = 'Fail a scheduled check when any client would send a key to the wrong place'
            Code    = "if (Get-ApiKeyEnvironment | Where-Object { `$_.Problems.Code -contains 'RelayKeySentToOpenAI' }) { exit 1 }"
            Remarks = 'Run it with pwsh -NonInteractive -File under the account the programs run as: its environment is the one that counts.'
        }
    )
    RelatedLinks = @(
        @{ Text = 'Why 401 Incorrect API key provided (GPT_API_free issue 302)'; Uri = 'https://github.com/chatanywhere/GPT_API_free/issues/302' }
    )
}
