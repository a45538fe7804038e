"""A package spread over modules and subpackages, tied together by relative imports."""

from .accounts.models import Organisation, User
from .billing.invoices import Invoice, InvoiceLine

__all__ = ["Organisation", "User", "Invoice", "InvoiceLine"]
