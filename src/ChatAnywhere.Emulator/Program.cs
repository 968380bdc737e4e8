using ChatAnywhere.Emulator.Hosting;

// A local stand-in for ChatAnywhere (and OpenAI) on 127.0.0.1; see Hosting/EmulatorCommandLine.cs.
return await EmulatorHost.RunAsync(args).ConfigureAwait(false);
