using DigestGen.Cli;

return DigestGenCli.Run(args, Console.Out, Console.Error);
