"""WeChat Pay's callbacks to us (transfer results): verified, decrypted, applied once."""
