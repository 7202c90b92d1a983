"""credplan: plan a credential-based graduation pathway in the terminal."""

__version__ = "0.1.0"
