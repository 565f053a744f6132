// GOV.UK Frontend's body class, from a file rather than inline so the Content-Security-Policy forbids inline script.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
