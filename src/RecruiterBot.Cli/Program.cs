using RecruiterBot.Cli;

// stdout carries only answers; everything else goes to stderr.
return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error);
