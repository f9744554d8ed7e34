"""mbc: answers about metastatic breast cancer from a cited knowledge base."""

__version__ = "0.1.0"
