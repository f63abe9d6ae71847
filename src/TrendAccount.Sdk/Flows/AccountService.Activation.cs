namespace TrendAccount.Sdk;

/// <content>Product activation: the activation backend records a serial.</content>
internal sealed partial class AccountService
{
    public async Task<ActivationResult> ActivateProductAsync(ProductActivation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = TrendAccountActivities.Start("ActivateProduct");
        var serial = _serials.Classify(request.Serial);
        if (!serial.IsWellFormed)
        {
            Log.ActivationRejected(_logger, ActivationStatus.MalformedSerial);
            activity.SetOutcome("malformed_serial", false);
            return new ActivationResult { Status = ActivationStatus.MalformedSerial, Message = _messages.MalformedSerial, Hints = serial.Hints };
        }

        var productCode = string.IsNullOrWhiteSpace(request.ProductCode) ? null : request.ProductCode.Trim();
        if (productCode is not null && (productCode.Length > ProductActivation.MaximumProductCodeLength || productCode.Any(c => char.IsControl(c) || char.IsSurrogate(c))))
        {
            Log.ActivationRejected(_logger, ActivationStatus.InvalidProductCode);
            activity.SetOutcome("invalid_product_code", false);
            return new ActivationResult { Status = ActivationStatus.InvalidProductCode, Message = _messages.InvalidProductCode, Hints = serial.Hints, Serial = serial.Serial, Channel = serial.Channel };
        }

        var now = _time.GetUtcNow();
        await _accounts.RecordActivationAsync(serial.Serial!, serial.Channel, productCode, now, cancellationToken).ConfigureAwait(false);
        Log.ProductActivated(_logger, Redaction.MaskSerial(serial.Serial), serial.Channel);
        if (!serial.SupportsAccount)
        {
            var contact = serial.ResellerContact ?? SerialOptions.DefaultResellerContact;
            activity.SetOutcome("activated_without_account", true);
            return new ActivationResult
            {
                Status = ActivationStatus.ActivatedWithoutAccount,
                Message = _messages.ProductActivatedWithoutAccount(contact),
                Hints = serial.Hints,
                Serial = serial.Serial,
                Channel = serial.Channel,
                ResellerContact = contact,
            };
        }

        activity.SetOutcome("activated", true);
        return new ActivationResult { Status = ActivationStatus.Activated, Message = _messages.ProductActivated, Hints = serial.Hints, Serial = serial.Serial, Channel = serial.Channel };
    }
}
