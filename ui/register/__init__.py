"""The geography register page (地理信息登记) and its forms."""
